-- NULL on the rows kept until now, when only answers the checker marked wrong were: wrong, but left out of the review facility.
ALTER TABLE `typed_answers` ADD `correct` integer;