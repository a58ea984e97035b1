// The shell loads only remoteEntry.js + the exposed "./app"; this entry exists for `webpack serve` and is
// async so shared React is negotiated before any app code runs.
void import("./app.tsx");
