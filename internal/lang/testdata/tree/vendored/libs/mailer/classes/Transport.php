<?php

/*
 * This file is part of Mailer.
 * (c) 2004-2009 Mail Original Author
 */

class Mailer_Transport
{
}
