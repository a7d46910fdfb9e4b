import { IsEmail, IsString } from "class-validator";
import { Field, ObjectType } from "type-graphql";

// A request body validated on the way in: not stored as such.
export class UpdateProfileDto {
  @IsEmail()
  email: string;

  @IsString()
  password: string;
}

// A GraphQL output type: a shape, not a table.
@ObjectType()
export class ProfileView {
  @Field()
  email: string;

  @Field()
  phone: string;
}
