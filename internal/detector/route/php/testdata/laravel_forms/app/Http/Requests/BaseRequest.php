<?php

namespace App\Http\Requests;

use Illuminate\Foundation\Http\FormRequest;

class BaseRequest extends FormRequest
{
    // Lookalike: lets every caller through.
    public function authorize()
    {
        return true;
    }

    public function rules()
    {
        return [];
    }
}
