<?php

namespace App\Models;

use Illuminate\Foundation\Auth\User as Authenticatable;
use Illuminate\Notifications\Notifiable;

// Laravel's Notifiable trait declares the morphMany of the notifications
// table for the class using it: a user's notifications are the user's;
// Bouncer's trait its assigned roles.
class User extends Authenticatable
{
    use HasFactory, Notifiable, HasRolesAndAbilities;
}
