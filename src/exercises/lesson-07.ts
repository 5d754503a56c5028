// Exercises of lesson 07 (registered on import).
export {};
