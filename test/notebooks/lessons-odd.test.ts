import { defineLessonTests } from "./lesson-tests";

defineLessonTests(1);
