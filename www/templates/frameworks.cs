<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.pilot.catalogue) ?>
<div class="page-head"><h1><?cs var:Lang.pilot.catalogue ?></h1>
<?cs if:Page.may_import ?><a class="button" href="/frameworks/import" id="import-link"><?cs var:Lang.fwimport.link ?></a><?cs /if ?></div>
<p class="lead"><?cs var:Lang.pilot.catalogue_lead ?></p>
<?cs if:subcount(Frameworks) == 0 ?><div class="empty"><p><?cs var:Lang.pilot.no_frameworks ?></p></div><?cs else ?>
<?cs each:f = Frameworks ?><section class="card"><h2><a href="/frameworks/<?cs var:f.id ?>"><?cs var:f.name ?></a><?cs if:f.imported ?> <span class="badge badge-imported"><?cs var:Lang.fwimport.badge ?></span><?cs /if ?></h2>
<?cs if:f.summary ?><p><?cs var:f.summary ?></p><?cs /if ?>
<p class="muted small"><?cs var:f.publisher ?> · <?cs var:Lang.pilot.version ?> <?cs var:f.version ?> · <?cs var:f.requirements_count ?> <?cs var:Lang.pilot.requirements ?> · <?cs var:f.licence ?></p></section><?cs /each ?>
<?cs call:pager("/frameworks") ?>
<?cs /if ?>
<?cs call:page_close() ?>
