import { Column, Entity, PrimaryColumn } from 'typeorm';

// A session store's row (connect-typeorm): its data is what lets the
// holder act as the user it names.
@Entity()
export class LoginSession { // want: asset user-data LoginSession json
  @Column('bigint')
  public expiredAt = Date.now();

  @PrimaryColumn('varchar', { length: 255 })
  public id = '';

  @Column('text')
  public json = '';
}

// Lookalike: JSON settings, and a session's timeout, hold nothing personal.
@Entity()
export class WidgetLayout {
  @Column('text')
  public json = '';

  @Column('int')
  public sessionTimeout = 30;
}
