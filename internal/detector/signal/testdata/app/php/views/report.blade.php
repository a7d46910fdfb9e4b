@extends('layouts.base')

@section('content')
<div id="chart"></div>
<p>{!! json_encode($totals) !!}</p>
@endsection

@section('js')
<script>
var sources = JSON.parse('{!! json_encode($sources) !!}'); // want: weakness xss
var owner = {!! $owner_name !!}; // want: weakness xss
// Lookalikes: escaped for a script, or a constant.
var days = {!! json_encode($days, JSON_HEX_TAG | JSON_HEX_APOS | JSON_HEX_QUOT) !!};
var places = @json($places);
var modes = {!! json_encode(['day', 'week']) !!};
</script>
@endsection
