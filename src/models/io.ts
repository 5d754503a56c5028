// Saving and loading models as files, with no network (tfjs-node-free file IO).
export {};
