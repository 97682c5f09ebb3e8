<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.home.title) ?>
<section class="hero">
<h1><?cs var:Lang.home.title ?></h1>
<p class="lead"><?cs var:Lang.home.lead ?></p>
</section>
<section class="card" aria-labelledby="status-title">
<h2 id="status-title"><?cs var:Lang.home.status ?></h2>
<p><?cs call:status_badge(1, Lang.home.db_ok) ?>
<span class="muted"><?cs var:Lang.home.schema ?> <?cs var:Status.schema ?></span></p>
</section>
<?cs call:page_close() ?>
