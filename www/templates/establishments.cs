<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.estabs.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <?cs if:Client.full ?><a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a><?cs else ?><?cs var:Client.name ?><?cs /if ?> › <span aria-current="page"><?cs var:Lang.estabs.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("establishments") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.estabs.title ?></h1>
<p class="actions"><?cs if:Client.nav.duplicates ?><a class="button secondary" href="/clients/<?cs var:Client.id ?>/duplicates"><?cs var:Lang.clients.duplicates ?></a><?cs /if ?>
<?cs if:Client.nav.import ?><a class="button secondary" href="/clients/<?cs var:Client.id ?>/establishments/import"><?cs var:Lang.clients.directory ?></a><?cs /if ?>
<?cs if:Page.may_create ?><a class="button" href="/clients/<?cs var:Client.id ?>/establishments/new"><?cs var:Lang.estabs.new ?></a><?cs /if ?></p></div>
<?cs if:Imported.any ?><p class="notice" id="import-counts"><?cs var:Lang.estabs.created ?> <?cs if:Imported.created ?><?cs var:Imported.created ?><?cs else ?>0<?cs /if ?> · <?cs var:Lang.estabs.updated ?> <?cs if:Imported.updated ?><?cs var:Imported.updated ?><?cs else ?>0<?cs /if ?> · <?cs var:Lang.estabs.unchanged ?> <?cs if:Imported.unchanged ?><?cs var:Imported.unchanged ?><?cs else ?>0<?cs /if ?></p><?cs /if ?>
<form method="get" action="<?cs var:Page.base ?>" class="filters" role="search">
<div class="field"><label for="f-q"><?cs if:Page.read ?><?cs var:Lang.estabs.search ?><?cs else ?><?cs var:Lang.estabs.search_name ?><?cs /if ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<?cs call:enum_select("status", Lang.estabs.status, Lang.enums.estab_status, Filter.status, Lang.clients.any) ?>
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:subcount(Estabs) == 0 ?>
<div class="empty"><?cs if:Filter.any ?><p><?cs var:Lang.estabs.none_found ?></p><?cs else ?><p><?cs var:Lang.estabs.empty ?></p>
<?cs if:Page.may_create ?><p><?cs var:Lang.estabs.empty_create ?></p>
<p><a class="button" href="/clients/<?cs var:Client.id ?>/establishments/new"><?cs var:Lang.estabs.new ?></a><?cs if:Client.nav.import ?> <a class="button secondary" href="/clients/<?cs var:Client.id ?>/establishments/import"><?cs var:Lang.estabs.empty_import ?></a><?cs /if ?></p>
<?cs elif:Client.full ?><p><?cs var:Lang.estabs.empty_ask ?></p><?cs else ?><p><?cs var:Lang.estabs.empty_wait ?></p><?cs /if ?><?cs /if ?></div>
<?cs else ?>
<div class="table-wrap"><table id="estabs-table">
<caption class="visually-hidden"><?cs var:Lang.estabs.title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.fields.name ?></th><?cs if:Page.read ?><th scope="col"><?cs var:Lang.fields.city ?></th><th scope="col"><?cs var:Lang.fields.postcode ?></th><th scope="col"><?cs var:Lang.fields.siret ?></th><?cs /if ?><th scope="col"><?cs var:Lang.estabs.status ?></th><th scope="col"><?cs var:Lang.estabs.plan ?></th><?cs if:Page.exposure ?><th scope="col"><?cs var:Lang.scan.column ?></th><?cs /if ?><?cs if:Page.usage_scores ?><th scope="col" class="usage-score-col"><?cs var:Lang.usage.column_score ?></th><?cs /if ?></tr></thead>
<tbody><?cs each:e = Estabs ?><tr>
<td><a href="/establishments/<?cs var:e.id ?>"><?cs var:e.name ?></a></td>
<?cs if:Page.read ?><td><?cs var:e.city ?></td><td><?cs var:e.postcode ?></td><td><?cs var:e.siret ?></td><?cs /if ?>
<td><?cs call:estab_status_badge(e.status) ?></td>
<td><?cs call:plan_badge(e.plan) ?></td>
<?cs if:Page.exposure ?><td class="exposure-cell"><?cs if:e.exposure.scan ?><a href="/establishments/<?cs var:e.id ?>/exposure"><?cs call:scan_severity("high") ?> <?cs var:e.exposure.sev.high ?> <?cs call:scan_severity("medium") ?> <?cs var:e.exposure.sev.medium ?></a><?cs else ?><span class="muted"><?cs var:Lang.scan.not_scanned ?></span><?cs /if ?></td><?cs /if ?>
<?cs if:Page.usage_scores ?><td class="usage-score-col"><?cs call:progress(e.score, Lang.usage.column_score) ?><?cs if:e.answers > 0 ?> <span class="small muted">(<?cs var:e.answers ?>)</span><?cs /if ?></td><?cs /if ?>
</tr><?cs /each ?></tbody>
</table></div>
<?cs call:pager(Page.base) ?>
<?cs /if ?>
</div></div>
<?cs call:page_close() ?>
