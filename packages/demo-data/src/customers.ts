import type { ProductCategory } from "./catalog.ts";
import { demoId } from "./ids.ts";
import { demoPlans } from "./plans.ts";

export interface DemoProduct {
  id: string;
  name: string;
  category: ProductCategory;
  serialNumber: string;
  purchasedAt: string;
}

export interface DemoCustomer {
  id: string;
  name: string;
  email: string;
  phone: string;
  defaultAddress: string;
  addressLat: number;
  addressLon: number;
  planId: string;
  products: DemoProduct[];
}

const [basic, plus, premier] = demoPlans;
let productNo = 0;
const product = (name: string, category: ProductCategory, serialNumber: string, purchasedAt: string): DemoProduct => ({
  id: demoId("product", ++productNo),
  name,
  category,
  serialNumber,
  purchasedAt,
});

let customerNo = 0;
const customer = (
  name: string,
  email: string,
  phone: string,
  defaultAddress: string,
  addressLat: number,
  addressLon: number,
  planId: string,
  products: DemoProduct[],
): DemoCustomer => ({ id: demoId("customer", ++customerNo), name, email, phone, defaultAddress, addressLat, addressLon, planId, products });

/** Customers around Chicago, so the experts' service areas cover most of them (and not all of them). */
export const demoCustomers: DemoCustomer[] = [
  customer("Alice Martin", "alice.martin@example.com", "+1-312-555-0101", "233 S Wacker Dr, Chicago, IL 60606", 41.8789, -87.6359, premier.id, [
    product("ThinkPad X1 Carbon", "laptop", "PF-3X1C-0001", "2025-02-14"),
    product("Sonos Arc", "audio", "SN-ARC-7781", "2024-11-03"),
  ]),
  customer("Bob Nguyen", "bob.nguyen@example.com", "+1-312-555-0102", "1060 W Addison St, Chicago, IL 60613", 41.9484, -87.6553, basic.id, [
    product("Samsung QN90 65\"", "tv", "SM-QN90-4411", "2024-12-20"),
  ]),
  customer("Carla Rossi", "carla.rossi@example.com", "+1-773-555-0103", "5700 S Lake Shore Dr, Chicago, IL 60637", 41.7906, -87.5831, plus.id, [
    product("Dell XPS Desktop", "desktop", "DL-XPSD-2290", "2023-09-09"),
    product("HP LaserJet Pro", "printer", "HP-LJP-5521", "2024-01-15"),
    product("Netgear Orbi", "network", "NG-ORBI-0912", "2024-06-30"),
  ]),
  customer("David Okafor", "david.okafor@example.com", "+1-847-555-0104", "1603 Orrington Ave, Evanston, IL 60201", 42.0487, -87.6817, plus.id, [
    product("iPhone 16", "phone", "AP-IP16-3310", "2025-03-01"),
  ]),
  customer("Eva Kowalski", "eva.kowalski@example.com", "+1-630-555-0105", "55 S Main St, Naperville, IL 60540", 41.7731, -88.1479, premier.id, [
    product("MacBook Pro 14", "laptop", "AP-MBP14-8812", "2024-10-22"),
    product("LG C3 OLED 55\"", "tv", "LG-C3-1207", "2023-11-24"),
  ]),
  customer("Farid Haddad", "farid.haddad@example.com", "+1-708-555-0106", "1010 Lake St, Oak Park, IL 60301", 41.8881, -87.7996, basic.id, [
    product("Epson EcoTank ET-4850", "printer", "EP-ET48-6620", "2024-04-18"),
  ]),
  customer("Grace Lee", "grace.lee@example.com", "+1-312-555-0107", "875 N Michigan Ave, Chicago, IL 60611", 41.8989, -87.6229, premier.id, [
    product("Bose Smart Soundbar 900", "audio", "BO-SB900-4471", "2024-07-07"),
    product("Pixel 9 Pro", "phone", "GO-PX9P-0034", "2025-01-11"),
    product("HP Envy Desktop", "desktop", "HP-ENVD-7789", "2023-05-02"),
  ]),
  customer("Hiro Tanaka", "hiro.tanaka@example.com", "+1-847-555-0108", "1 Schaumburg Ct, Schaumburg, IL 60173", 42.0334, -88.0834, plus.id, [
    product("ASUS ROG Zephyrus", "laptop", "AS-ROGZ-5120", "2024-08-19"),
  ]),
  customer("Isabel Cruz", "isabel.cruz@example.com", "+1-773-555-0109", "2001 N Clark St, Chicago, IL 60614", 41.9200, -87.6337, basic.id, [
    product("TP-Link Deco X55", "network", "TP-DX55-3302", "2024-02-27"),
    product("Sony WH-1000XM5", "audio", "SO-WHXM5-9910", "2024-12-24"),
  ]),
  customer("Jonas Berg", "jonas.berg@example.com", "+1-815-555-0110", "100 W Jefferson St, Joliet, IL 60432", 41.5250, -88.0817, plus.id, [
    product("Samsung Galaxy S25", "phone", "SM-GS25-2218", "2025-04-02"),
  ]),
];
