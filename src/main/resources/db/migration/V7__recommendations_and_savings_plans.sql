-- What Reservation Desk recommended for a purchase's customer when its subscription was chosen: the numbers the
-- agent saw (and the usage they came from, in buckets for the picture), kept so that what the agent ticks is put
-- in the cart from this record, never from what a form sends. One row per purchase; a new recommendation replaces it.
create table purchase_recommendation (
  purchase_id     varchar(36)  primary key references purchase (id),
  computed_at     timestamp with time zone not null,
  look_back_days  integer      not null,
  content         text         not null
);

-- An Azure savings plan for compute is a cart line and an order line too: one plan (quantity 1) whose price is its
-- hourly commitment over the term's hours. Reservations leave it empty.
alter table purchase_line add column hourly_commitment numeric(19, 4);
alter table placed_order_line add column hourly_commitment numeric(19, 4);
