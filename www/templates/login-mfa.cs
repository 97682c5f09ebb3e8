<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.login.mfa_title) ?>
<section class="card narrow" aria-labelledby="mfa-title">
<h1 id="mfa-title"><?cs var:Lang.login.mfa_title ?></h1>
<?cs call:error_summary() ?>
<p><?cs var:Lang.login.mfa_text ?></p>
<form method="post" action="/login/mfa" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="next" value="<?cs var:Login.next ?>">
<?cs call:text_field("totp", Lang.login.code, "", "text", "one-time-code", 1) ?>
<p><button type="submit" class="button"><?cs var:Lang.login.verify ?></button></p>
</form>
</section>
<?cs call:page_close() ?>
