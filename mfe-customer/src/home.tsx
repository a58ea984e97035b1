import type { SessionUser } from "@sysops/mf-config/contract";
import { MyAccount } from "./my-account.tsx";
import { FindCustomer } from "./find-customer.tsx";

export function Home({ user }: { user: SessionUser }) {
  return user.role === "customer" ? <MyAccount /> : <FindCustomer />;
}
