// Labels a settings page shows: text about a key, not a key.
window.localisation.pt = {
  secret_key: 'Chave Secreta',
  signing_secret: 'Segredo de Assinatura',
  auth_client_secret_label: 'Segredo do Cliente',
  auth_session_secret_label: 'Sessao-Segredo-Chave'
}
