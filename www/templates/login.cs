<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.login.title) ?>
<section class="card narrow" aria-labelledby="login-title">
<h1 id="login-title"><?cs var:Lang.login.title ?></h1>
<?cs call:error_summary() ?>
<form method="post" action="/login" novalidate>
<input type="hidden" name="login_token" value="<?cs var:Login.token ?>">
<input type="hidden" name="next" value="<?cs var:Login.next ?>">
<?cs call:text_field("email", Lang.login.email, Login.email, "email", "username", 1) ?>
<?cs call:text_field("password", Lang.login.password, "", "password", "current-password", 1) ?>
<p><button type="submit" class="button"><?cs var:Lang.login.submit ?></button></p>
</form>
<p class="muted small"><?cs var:Lang.login.help ?></p>
</section>
<?cs call:page_close() ?>
