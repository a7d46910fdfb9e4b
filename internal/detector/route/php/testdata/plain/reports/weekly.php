<?php
$week = $_GET['week'] ?? date('W');
