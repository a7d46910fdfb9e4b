// Lookalike: modules named for their dialect are no database files.
import { sortQuery } from "./sort-query.sqlite";
export { filterQuery } from "./filter-query.sqlite";
export const group = () => import("./group-query.sqlite");
export const sorts = [sortQuery];
