<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.mfa.title) ?>
<h1><?cs var:Lang.mfa.title ?></h1>
<?cs call:error_summary() ?>
<?cs if:subcount(Mfa.codes) > 0 ?>
<section class="card" aria-labelledby="codes-title">
<h2 id="codes-title"><?cs var:Lang.mfa.codes_title ?></h2>
<p><?cs var:Lang.mfa.codes_text ?></p>
<ul class="codes"><?cs each:c = Mfa.codes ?><li><code><?cs var:c ?></code></li><?cs /each ?></ul>
<p><a class="button" href="/account"><?cs var:Lang.mfa.done ?></a></p>
</section>
<?cs elif:Account.mfa == "1" ?>
<section class="card"><p><?cs call:status_badge(1, Lang.mfa.on) ?></p><p><a href="/account"><?cs var:Lang.account.title ?></a></p></section>
<?cs elif:Mfa.secret ?>
<section class="card" aria-labelledby="scan-title">
<h2 id="scan-title"><?cs var:Lang.mfa.scan ?></h2>
<div class="qr"><?cs uvar:Mfa.qr ?></div>
<p><?cs var:Lang.mfa.secret ?> <code><?cs var:Mfa.secret ?></code></p>
<form method="post" action="/account/mfa/confirm" novalidate>
<?cs call:csrf() ?>
<?cs call:text_field("totp", Lang.login.code, "", "text", "one-time-code", 1) ?>
<p><button type="submit" class="button"><?cs var:Lang.mfa.confirm ?></button></p>
</form>
</section>
<?cs else ?>
<section class="card">
<?cs if:Nav.mfa_required ?><p class="notice"><?cs var:Lang.mfa.required ?></p><?cs /if ?>
<p><?cs var:Lang.mfa.intro ?></p>
<form method="post" action="/account/mfa"><?cs call:csrf() ?><button type="submit" class="button"><?cs if:Mfa.retry ?><?cs var:Lang.mfa.restart ?><?cs else ?><?cs var:Lang.mfa.start ?><?cs /if ?></button></form>
</section>
<?cs /if ?>
<?cs call:page_close() ?>
