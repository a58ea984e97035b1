import { describe, expect, it } from "vitest";
import { sortUsers } from "./users.ts";

describe("sortUsers", () => {
  it("lists staff before customers and names alphabetically within a role", () => {
    const users = [
      { id: "1", name: "Zoe", role: "customer" },
      { id: "2", name: "Ann", role: "customer" },
      { id: "3", name: "Max", role: "admin" },
      { id: "4", name: "Bob", role: "expert" },
    ];
    expect(sortUsers(users).map((u) => u.name)).toEqual(["Max", "Bob", "Ann", "Zoe"]);
  });

  it("does not change its input", () => {
    const users = [{ id: "1", name: "B", role: "customer" }, { id: "2", name: "A", role: "customer" }];
    sortUsers(users);
    expect(users[0]?.name).toBe("B");
  });
});
