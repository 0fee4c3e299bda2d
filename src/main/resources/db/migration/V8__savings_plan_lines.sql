-- The embedded Partner Center sells the Azure savings plan for compute (issue 16): a savings plan's cart and order
-- lines carry an hourly purchase commitment and, unlike a reservation's, no duration in their provisioning context.
-- (V6 and V7 belong to other branches; Flyway only needs the versions to increase.)

alter table pc_cart_line alter column duration drop not null;
alter table pc_cart_line add column commitment_amount numeric(19, 4);
alter table pc_cart_line add column commitment_grain varchar(10);
alter table pc_cart_line add column commitment_currency varchar(3);

alter table pc_order_line alter column duration drop not null;
alter table pc_order_line add column commitment_amount numeric(19, 4);
alter table pc_order_line add column commitment_grain varchar(10);
alter table pc_order_line add column commitment_currency varchar(3);
