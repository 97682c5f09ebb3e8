<?cs include:"layout.cs" ?>
<?cs call:page_open(Framework.name) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/frameworks"><?cs var:Lang.pilot.catalogue ?></a> › <span aria-current="page"><?cs var:Framework.name ?></span></nav>
<h1><?cs var:Framework.name ?></h1>
<p class="lead"><?cs var:Framework.summary ?></p>
<p class="muted small"><?cs var:Framework.publisher ?> · <?cs var:Lang.pilot.version ?> <?cs var:Framework.version ?> · <?cs var:Framework.licence ?> · <a href="<?cs var:Framework.source_url ?>" rel="noopener noreferrer"><?cs var:Lang.pilot.source ?></a></p>
<p class="muted small"><?cs var:Lang.pilot.own_words ?></p>
<div class="requirements">
<?cs each:r = Framework.requirements ?><?cs if:r.assessable == "1" ?><div class="req depth-<?cs var:r.depth ?>"><p><strong><?cs var:r.ref ?></strong> <?cs var:r.title ?></p><p class="muted small"><?cs var:r.summary ?></p></div><?cs elif:r.depth == "0" ?><h2 class="req-group"><?cs var:r.ref ?> · <?cs var:r.title ?></h2><p class="muted"><?cs var:r.summary ?></p><?cs else ?><h3 class="req-group"><?cs var:r.ref ?> · <?cs var:r.title ?></h3><?cs /if ?><?cs /each ?>
</div>
<?cs call:page_close() ?>
