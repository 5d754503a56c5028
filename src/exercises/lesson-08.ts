// Exercises of lesson 08 (registered on import).
export {};
