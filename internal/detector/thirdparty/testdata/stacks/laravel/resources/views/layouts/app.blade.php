<!DOCTYPE html>
<html>
<head>
    <link rel="preconnect" href="https://fonts.bunny.net">
    <link href="https://fonts.bunny.net/css?family=inter:400,600" rel="stylesheet" />
    <script src="https://cdn.usefathom.com/script.js" data-site="ABCDEF" defer></script>
    {{-- <script src="https://plausible.io/js/script.js"></script> --}}
    <!-- <script src="https://cdn.simpleicons.org/x.js"></script> -->
</head>
<body>
    <img src="https://avatars.githubusercontent.com/u/{{ $user->github_id }}" alt="">
    <a href="https://cdn.jsdelivr.net/npm/">a link loads nothing</a>
    @yield('content')
</body>
</html>
