<?php

namespace App\Http\Controllers;

class RowButtons
{
    // The title is escaped for HTML only; the browser decodes the quote
    // before Angular reads the expression.
    public function editButton($row)
    {
        return '<a ng-click="editTitle(\'' . e($row->title) . '\')">Edit</a>'; // want: weakness xss
    }

    // Lookalikes: a number outside any quote, and a constant expression.
    public function toggleButton($row)
    {
        return '<a ng-click="toggle($event, ' . (int) $row->id . ')">Toggle</a>';
    }

    public function addButton()
    {
        return '<a ng-click="addRow($event)">Add</a>';
    }
}
