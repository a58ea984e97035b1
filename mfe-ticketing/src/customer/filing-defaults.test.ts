import { describe, expect, it } from "vitest";
import { fileTicketForm } from "@sysops/bff-ticketing/inputs/customer";
import { initialValues, type FilingOptions } from "./filing-defaults.ts";

const options: FilingOptions = {
  products: [
    { id: "p-tv", name: "Samsung QN90", category: "tv" },
    { id: "p-phone", name: "Pixel 9", category: "phone" },
  ],
  categories: ["tv", "phone", "network"],
  defaultAddress: "1 Main Street, Springfield",
  slots: [{ value: "any", label: "Any time (8:00–20:00)" }],
};

describe("file-a-ticket defaults", () => {
  it("start from the first product, its category and the saved address, with no preferred date", () => {
    expect(initialValues(options)).toEqual({
      productId: "p-tv",
      category: "tv",
      description: "",
      serviceAddress: "1 Main Street, Springfield",
      saveAsDefault: false,
      preferredDate: "",
      preferredSlot: "any",
    });
  });

  it("need only a description to pass the BFF's own schema", () => {
    const result = fileTicketForm.safeParse(initialValues(options));
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["description"]);
    expect(fileTicketForm.safeParse({ ...initialValues(options), description: "The screen stays black" }).success).toBe(true);
  });

  it("leave the product to choose when the customer has none", () => {
    expect(initialValues({ ...options, products: [] })).toMatchObject({ productId: "", category: "" });
  });
});
