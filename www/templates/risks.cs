<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.risks.title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.risks.title ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("risks") ?>
<div>
<div class="page-head"><h1><?cs var:Lang.risks.title ?></h1>
<p class="actions"><a class="button secondary" href="<?cs var:Page.csv ?>" download><?cs var:Lang.risks.export_csv ?></a>
<a class="button secondary" href="<?cs var:Page.xlsx ?>" download><?cs var:Lang.export.xlsx ?></a>
<a class="button" href="/clients/<?cs var:Client.id ?>/risks/new"><?cs var:Lang.risks.new ?></a></p></div>
<p class="muted small"><?cs var:Lang.risks.rule ?></p>
<form method="get" action="<?cs var:Page.base ?>" class="filters" role="search">
<div class="field"><label for="f-q"><?cs var:Lang.risks.search ?></label>
<input id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>"></div>
<?cs call:enum_select("status", Lang.risks.status, Lang.enums.risk_status, Filter.status, Lang.clients.any) ?>
<?cs call:enum_select("treatment", Lang.risks.treatment, Lang.enums.risk_treatment, Filter.treatment, Lang.clients.any) ?>
<?cs call:enum_select("level", Lang.risks.level, Lang.risks.levels, Filter.level, Lang.clients.any) ?>
<?cs if:Filter.likelihood ?><input type="hidden" name="likelihood" value="<?cs var:Filter.likelihood ?>"><?cs /if ?>
<?cs if:Filter.impact ?><input type="hidden" name="impact" value="<?cs var:Filter.impact ?>"><?cs /if ?>
<?cs if:Filter.residual ?><input type="hidden" name="residual" value="1"><?cs /if ?>
<button type="submit" class="button secondary"><?cs var:Lang.clients.search_button ?></button>
</form>
<?cs if:Filter.likelihood || Filter.impact ?><p class="notice" id="cell-filter"><?cs if:Filter.residual ?><?cs var:Lang.risks.cell_residual ?><?cs else ?><?cs var:Lang.risks.cell_inherent ?><?cs /if ?> · <?cs var:Lang.risks.likelihood ?> <?cs if:Filter.likelihood ?><?cs var:Filter.likelihood ?><?cs else ?>—<?cs /if ?>, <?cs var:Lang.risks.impact ?> <?cs if:Filter.impact ?><?cs var:Filter.impact ?><?cs else ?>—<?cs /if ?> · <a href="<?cs var:Page.base ?>"><?cs var:Lang.risks.clear_filters ?></a></p><?cs /if ?>
<?cs if:Risks.count == 0 ?>
<div class="empty"><?cs if:Filter.any ?><p><?cs var:Lang.risks.none_found ?></p><?cs else ?><p><?cs var:Lang.risks.empty ?></p>
<p><a class="button" href="/clients/<?cs var:Client.id ?>/risks/new"><?cs var:Lang.risks.new ?></a></p><?cs /if ?></div>
<?cs else ?>
<div class="table-wrap"><table id="risks-table">
<caption class="visually-hidden"><?cs var:Lang.risks.title ?></caption>
<thead><tr><?cs call:sort_header(Lang.risks.risk, "title", Page.base) ?><?cs call:sort_header(Lang.risks.score, "score", Page.base) ?><th scope="col"><?cs var:Lang.risks.residual ?></th><th scope="col"><?cs var:Lang.risks.treatment ?></th><th scope="col"><?cs var:Lang.risks.status ?></th><th scope="col"><?cs var:Lang.risks.owner ?></th><?cs call:sort_header(Lang.risks.updated_at, "updated_at", Page.base) ?></tr></thead>
<tbody><?cs uvar:Risks.rows ?></tbody>
</table></div>
<?cs call:pager(Page.base) ?>
<?cs /if ?>
<section class="card" id="heat-maps"><h2><?cs var:Lang.risks.heat_title ?></h2>
<p class="small muted"><?cs var:Lang.risks.heat_help ?></p>
<div class="heat-maps"><?cs uvar:Heat.inherent_html ?><?cs uvar:Heat.residual_html ?></div>
<?cs call:risk_levels(Heat.by_level) ?></section>
</div></div>
<?cs call:page_close() ?>
