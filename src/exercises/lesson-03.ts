// Exercises of lesson 03 (registered on import).
export {};
