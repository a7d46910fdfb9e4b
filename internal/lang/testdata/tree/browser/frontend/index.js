// The bundle's entry: it reads no global itself.
import { render } from "./utils/format.js";
import { client } from "./api";

client.list({}).then(render);
