/**
 * The page a login window opens in demo and e2e runs. Like the real site it leaves the JWT in
 * `localStorage._token` and `{realUserID, userName}` in `localStorage.user_detail_agent`
 * (protocol doc §2.1), which is what the relay's credential capture reads; the login response
 * also sets the account's session cookies, HttpOnly, so page script cannot see them (§10.2).
 * Like the site since May 2026 (§10.1), it can leave `user_detail_agent` out: when the login
 * response says `omitUserDetail: true`, or the page was opened with `?omitUserDetail=1`.
 */
export const LOGIN_PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MiniMax Agent (simulator)</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 360px; margin: 80px auto; }
  label, input, button { display: block; width: 100%; margin: 8px 0; font-size: 16px; }
  input, button { padding: 8px; box-sizing: border-box; }
  #status { margin-top: 16px; font-weight: 600; }
</style>
</head>
<body>
<h1>MiniMax Agent</h1>
<p>Local simulator login. No password needed.</p>
<form id="form">
  <label for="name">Name</label>
  <input id="name" name="name" autocomplete="off" placeholder="demo">
  <button id="login" type="submit">Log in</button>
  <button id="guest" type="button">Continue as guest</button>
</form>
<div id="status" role="status">not logged in</div>
<script>
  const statusEl = document.getElementById('status');
  async function logIn(body) {
    statusEl.textContent = 'logging in...';
    try {
      const res = await fetch('/__admin/login', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      const account = await res.json();
      if (!res.ok) throw new Error(account.error || ('HTTP ' + res.status));
      localStorage.setItem('_token', account.token);
      const omitUserDetail = account.omitUserDetail === true || new URLSearchParams(location.search).get('omitUserDetail') === '1';
      if (!omitUserDetail) localStorage.setItem('user_detail_agent', JSON.stringify({ realUserID: account.realUserId, userName: account.name }));
      statusEl.textContent = 'logged in';
      statusEl.dataset.realUserId = account.realUserId;
    } catch (error) {
      statusEl.textContent = 'login failed: ' + error.message;
    }
  }
  document.getElementById('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = document.getElementById('name').value.trim();
    logIn({ name: name || 'demo' });
  });
  document.getElementById('guest').addEventListener('click', () => logIn({ guest: true }));
</script>
</body>
</html>
`;
