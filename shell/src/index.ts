// Async boundary: the MF runtime negotiates shared singletons (React) before any shell code runs.
void import("./bootstrap.ts");
