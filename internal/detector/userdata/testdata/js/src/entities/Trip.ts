import { Column, Entity, JoinColumn, ManyToOne, OneToMany, OneToOne, PrimaryGeneratedColumn } from "typeorm";
import { Account } from "./Account";

@Entity()
export class Trip { // want: asset user-data Trip destination
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => Account, (a) => a.trips, { onDelete: "CASCADE" })
  traveller!: Account;

  @Column()
  destination!: string;
}

@Entity()
export class Itinerary { // want: asset user-data Itinerary days
  @PrimaryGeneratedColumn()
  id!: number;

  @OneToOne(() => Trip)
  @JoinColumn()
  trip!: Trip;

  @Column("int")
  days!: number;
}

// Lookalikes: the side of a one-to-one without the join column, and a
// one-to-many list, hold no key to the account.
@Entity()
export class Airline {
  @PrimaryGeneratedColumn()
  id!: number;

  @OneToOne(() => Account, (a) => a.airline)
  contact!: Account;

  @OneToMany(() => Trip, (t) => t.airline)
  trips!: Trip[];

  @Column()
  code!: string;
}
