<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.setup.title) ?>
<div class="narrow">
<h1><?cs var:Lang.setup.title ?></h1>
<p><?cs var:Lang.setup.lead ?> <strong><?cs var:Setup.email ?></strong></p>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Setup.action ?>" class="card" novalidate>
<?cs call:text_field("password", Lang.setup.password, "", "password", "new-password", 1) ?>
<p class="muted small"><?cs var:Lang.account.password_help ?></p>
<?cs call:text_field("password_confirm", Lang.setup.password_confirm, "", "password", "new-password", 1) ?>
<p><button type="submit" class="button"><?cs var:Lang.setup.submit ?></button></p>
</form>
<p class="muted small"><?cs var:Lang.setup.mfa_next ?></p>
</div>
<?cs call:page_close() ?>
