<!DOCTYPE html>
<html>
<head>
    <script src="https://cdn.bladevendor.com/alpine.min.js" defer></script>
    {{-- <script src="https://cdn.bladecommented.com/x.js"></script> --}}
</head>
<body>@yield('content')</body>
</html>
