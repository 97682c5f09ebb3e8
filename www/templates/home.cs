<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.home.title) ?>
<section class="hero">
<h1><?cs var:Lang.home.title ?></h1>
<p class="lead"><?cs var:Lang.home.lead ?></p>
<?cs if:User.email ?><p><?cs var:Lang.home.welcome ?> <strong><?cs var:User.name ?></strong>.</p>
<p><a class="button" href="/account"><?cs var:Lang.account.title ?></a><?cs if:Nav.users ?> <a class="button secondary" href="/users"><?cs var:Lang.users.title ?></a><?cs /if ?></p>
<?cs else ?><p><a class="button" href="/login"><?cs var:Lang.nav.login ?></a></p><?cs /if ?>
</section>
<section class="card" aria-labelledby="status-title">
<h2 id="status-title"><?cs var:Lang.home.status ?></h2>
<p><?cs call:status_badge(1, Lang.home.db_ok) ?>
<span class="muted"><?cs var:Lang.home.schema ?> <?cs var:Status.schema ?></span></p>
</section>
<?cs call:page_close() ?>
