import { Column, DataType, Table, Model } from "sequelize-typescript";

// A table with nothing personal.
@Table({ tableName: "teams" })
export class Team extends Model {
  @Column(DataType.STRING)
  name: string;

  @Column(DataType.BOOLEAN)
  passwordLoginEnabled: boolean;
}
