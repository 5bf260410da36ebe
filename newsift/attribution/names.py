"""Common English first names by usual gender, for pronoun agreement ("she" cannot be Donald Trump).

Hand-written; a name in neither list has no known gender and agrees with
either pronoun. Honorifics and role nouns in the article ("Mrs.",
"spokeswoman") override the lists.
"""

from __future__ import annotations

__all__ = ["FEMALE_NAMES", "MALE_NAMES"]

FEMALE_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail
alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori hillary kellyanne melania ivanka huma chelsea nikki marine angela theresa
sheryl elena ruth sonia kamala tulsi nicola jacinda ursula christine hope jill michele condoleezza madeleine
nancy dianne kirsten tammy maxine ilhan alexandria ayanna rashida carly sarah mia ella ava chloe lucy zoe jane
sally susie louise claire fiona julia kate katie molly jenny emily priya aisha fatima leila yasmin ana betty
megyn kathy debbie becky jen liz beth meg sue pam deb val
""".split())

MALE_NAMES = frozenset("""
james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas
eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack
dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold keith
christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert
willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny
barack bernie ted marco jeb mike mitch chuck rand ben chris newt reince sean jared steve rex vladimir sergei
dmitry emmanuel boris justin xi kim recep benjamin bashar angus tom tim bill jim bob dick al hank nigel jeremy
david rudy rudolph ed edward lindsey mitt rick martin pete beto cory kevin jim hugh ian liam oliver harry jamie
mohammed muhammad ahmed ali omar hassan ivan igor andrei alexei viktor matt dan sam nick tony rob greg jeff
andy drew josh jon nate phil ron don ken jimmy charlie freddie brett bret hunter reid harry
""".split()) - {"lindsey", "kim"}  # both: Lindsey Graham, Kim Jong-un and Kim Kardashian
