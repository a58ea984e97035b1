/**
 * The shell never renders React itself, but it is the host that must provide the shared React singletons:
 * webpack only provides a shared module that is part of the host's build. These lazy imports put react and
 * react-dom/client in the build (as async chunks, fetched only when a remote asks for them).
 */
export const providedShared = [() => import("react"), () => import("react-dom/client")] as const;
