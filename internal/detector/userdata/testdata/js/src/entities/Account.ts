import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity("accounts")
export class Account { // want: asset user-data Account apiKey,email,phone; asset integrity Account isPremium
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ unique: true })
  email!: string;

  @Column({ nullable: true }) phone?: string;

  @Column()
  apiKey!: string;

  @Column({ default: false })
  isPremium!: boolean;

  @CreateDateColumn()
  createdAt!: Date;

  // not a column: no decorator
  password?: string;
}
