<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.resources.diff_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.resources.title ?></a> › <a href="/resources/<?cs var:Resource.id ?>"><?cs var:Resource.title ?></a> › <span aria-current="page"><?cs var:Lang.resources.diff_title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("resources") ?>
<div>
<h1><?cs var:Lang.resources.diff_title ?></h1>
<p class="lead"><?cs var:Lang.resources.diff_lead ?> <a href="/templates/<?cs var:Diff.template_id ?>"><?cs var:Diff.template_title ?></a>: <?cs var:Lang.resources.version ?> <?cs if:Diff.from_version ?><?cs var:Diff.from_version ?><?cs else ?>?<?cs /if ?> → <?cs var:Diff.to_version ?>.</p>
<?cs call:error_summary() ?>
<?cs if:Diff.title.to ?><p><?cs var:Lang.resources.resource_title ?>: <del><?cs var:Diff.title.from ?></del> → <ins><?cs var:Diff.title.to ?></ins></p><?cs /if ?>
<?cs if:Diff.type.to ?><p><?cs var:Lang.resources.type ?>: <del><?cs var:Lang.enums.resource_type[Diff.type.from] ?></del> → <ins><?cs var:Lang.enums.resource_type[Diff.type.to] ?></ins></p><?cs /if ?>
<?cs if:Diff.too_different ?><p class="notice"><?cs var:Lang.resources.diff_too_different ?></p>
<?cs elif:Diff.same ?><p class="notice"><?cs var:Lang.resources.diff_same ?></p>
<?cs else ?>
<p class="small"><span class="diff-add-key"><?cs var:Diff.added ?> <?cs var:Lang.resources.diff_added ?></span> · <span class="diff-del-key"><?cs var:Diff.deleted ?> <?cs var:Lang.resources.diff_deleted ?></span></p>
<div class="table-wrap"><table class="diff" id="diff">
<caption class="visually-hidden"><?cs var:Lang.resources.diff_caption ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.resources.diff_yours ?></th><th scope="col"><?cs var:Lang.resources.diff_template ?></th><th scope="col"><?cs var:Lang.resources.diff_line ?></th></tr></thead>
<tbody><?cs each:l = Diff.lines ?><tr class="diff-<?cs var:l.op ?>"><td class="num"><?cs var:l.old_no ?></td><td class="num"><?cs var:l.new_no ?></td><td><span class="visually-hidden"><?cs var:Lang.resources.diff_op[l.op] ?> </span><code><?cs if:l.op == "add" ?>+ <?cs elif:l.op == "del" ?>− <?cs else ?>  <?cs /if ?><?cs var:l.text ?></code></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<?cs if:!Diff.same ?>
<form method="post" action="/resources/<?cs var:Resource.id ?>/template-update" id="template-update-form">
<?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Diff.to_version ?>">
<p class="small muted"><?cs var:Lang.resources.update_help ?></p>
<p><button type="submit" class="button" data-confirm="<?cs var:Lang.resources.update_confirm ?>"><?cs var:Lang.resources.update_to ?> <?cs var:Diff.to_version ?></button> <a class="button secondary" href="/resources/<?cs var:Resource.id ?>"><?cs var:Lang.resources.cancel ?></a></p>
</form>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
