<?php
return ['settings' => ['displayErrorDetails' => false]];
