/** Product categories an expert can be skilled in and a customer's product belongs to. */
export const PRODUCT_CATEGORIES = ["laptop", "desktop", "tv", "audio", "phone", "network", "printer"] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const DEMO_PASSWORD = "sysops-demo";
