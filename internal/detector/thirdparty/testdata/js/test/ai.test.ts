import Replicate from "replicate";
import { vi } from "vitest";
vi.mock("openai");
