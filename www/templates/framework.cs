<?cs include:"layout.cs" ?>
<?cs call:page_open(Framework.name) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/frameworks"><?cs var:Lang.pilot.catalogue ?></a> › <span aria-current="page"><?cs var:Framework.name ?></span></nav>
<h1><?cs var:Framework.name ?><?cs if:Framework.imported ?> <span class="badge badge-imported"><?cs var:Lang.fwimport.badge ?></span><?cs /if ?></h1>
<?cs call:error_summary() ?>
<?cs if:Framework.summary ?><p class="lead"><?cs var:Framework.summary ?></p><?cs /if ?>
<p class="muted small"><?cs var:Framework.publisher ?> · <?cs var:Lang.pilot.version ?> <?cs var:Framework.version ?> · <?cs var:Framework.licence ?><?cs if:Framework.link ?> · <a href="<?cs var:Framework.link ?>" rel="noopener noreferrer"><?cs var:Lang.pilot.source ?></a><?cs /if ?></p>
<?cs if:Framework.imported ?><p class="muted small"><?cs var:Lang.fwimport.own_text ?></p>
<?cs if:Page.may_delete ?><form method="post" action="/frameworks/<?cs var:Framework.id ?>/delete" class="inline" id="fw-delete-form"><?cs call:csrf() ?><button type="submit" class="button danger" data-confirm="<?cs var:Lang.fwimport.delete_confirm ?>"><?cs var:Lang.fwimport.delete ?></button></form>
<?cs elif:Page.fw_adoptions ?><p class="small" id="fw-in-use"><?cs var:Lang.fwimport.in_use ?> <?cs var:Page.fw_adoptions ?></p><?cs /if ?>
<?cs else ?><p class="muted small"><?cs var:Lang.pilot.own_words ?></p><?cs /if ?>
<div class="requirements">
<?cs each:r = Framework.requirements ?><?cs if:r.assessable == "1" ?><div class="req depth-<?cs var:r.depth ?>"><p><strong><?cs var:r.ref ?></strong> <?cs var:r.title ?></p><?cs if:r.summary ?><p class="muted small"><?cs var:r.summary ?></p><?cs /if ?></div><?cs elif:r.depth == "0" ?><h2 class="req-group"><?cs var:r.ref ?> · <?cs var:r.title ?></h2><?cs if:r.summary ?><p class="muted"><?cs var:r.summary ?></p><?cs /if ?><?cs else ?><h3 class="req-group"><?cs var:r.ref ?> · <?cs var:r.title ?></h3><?cs /if ?><?cs /each ?>
</div>
<?cs call:page_close() ?>
