// Exercises of lesson 05 (registered on import).
export {};
