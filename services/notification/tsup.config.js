export { default } from "../../tsup.node.js";
