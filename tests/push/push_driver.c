/* push_driver.c: runs `dcatit push` (cmd_push) as its own program, so the
 * push tests work before and after main.c's command table lists push. */
int cmd_push(int argc, char **argv);

int main(int argc, char **argv)
{
	return cmd_push(argc, argv);
}
