exports.schemaUrl = () => fetch('https://schemas.example/v2/index.json').then((r) => r.json());
