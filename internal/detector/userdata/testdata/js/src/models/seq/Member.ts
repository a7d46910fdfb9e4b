import { Column, DataType, Default, IsEmail, Table, Model, BelongsTo } from "sequelize-typescript";
import Team from "./Team";

@Table({ tableName: "members", modelName: "member" })
class Member extends Model { // want: asset user-data Member contactAddress,signingSecret
  @IsEmail
  @Column(DataType.STRING)
  contactAddress: string;

  @Column(DataType.BLOB)
  signingSecret: string;

  @Default(false)
  @Column(DataType.BOOLEAN)
  emailDigest: boolean;

  @Column
  lastActiveAt: Date;

  @BelongsTo(() => Team, "teamId")
  team: Team;

  // not a column
  password?: string;
}

export default Member;
