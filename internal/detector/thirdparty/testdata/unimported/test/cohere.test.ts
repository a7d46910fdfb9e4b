import { cohere } from "../src/lib/cohere";

test("client", () => expect(cohere).toBeDefined());
