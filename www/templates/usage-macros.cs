<?cs # Components of the usage diagnostic's pages and feedback widgets (app/ui-usage.c), included by macros.cs. ?>
<?cs # A text of the questionnaire in the page's language: its French or English wording. ?>
<?cs def:tr(fr, en) ?><?cs if:Page.lang == "en" ?><?cs var:en ?><?cs else ?><?cs var:fr ?><?cs /if ?><?cs /def ?>
<?cs # The tabs of the usage diagnostic's pages (answers with the feature feedback). ?>
<?cs def:usage_tabs(active) ?><nav class="tabs" aria-label="<?cs var:Lang.usage.tabs_label ?>"><ul>
<li><a href="/clients/<?cs var:Client.id ?>/usage"<?cs if:active == "questionnaire" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.usage.tab_questionnaire ?></a></li>
<li><a href="/clients/<?cs var:Client.id ?>/usage/links"<?cs if:active == "links" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.usage.tab_links ?></a></li>
<?cs if:Usage.tab_answers ?><li><a href="/clients/<?cs var:Client.id ?>/usage/answers"<?cs if:active == "answers" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.usage.tab_answers ?></a></li><?cs /if ?>
</ul></nav><?cs /def ?>
<?cs # Section scores of a feedback widget: a table of title, score bar and answers. ?>
<?cs def:usage_sections(list, caption) ?><div class="table-wrap"><table class="usage-sections"><caption><?cs var:caption ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.usage.section_header ?></th><th scope="col"><?cs var:Lang.usage.score ?></th><th scope="col" class="num"><?cs var:Lang.usage.answers_header ?></th></tr></thead>
<tbody><?cs each:s = list ?><tr><td><?cs call:tr(s.title_fr, s.title_en) ?></td><td><?cs call:progress(s.score, Lang.usage.score) ?></td><td class="num"><?cs var:s.answers ?></td></tr><?cs /each ?></tbody></table></div><?cs /def ?>
